using System.Text;
using System.Text.Json;
using Azure;

namespace AuditSentinel.Azure;

/// <summary>
/// Turns a failed response into a <see cref="RequestFailedException"/> whose message carries what the service
/// said: for JSON errors the code, message and every inner error (Log Analytics puts the useful part,
/// e.g. "table could not be resolved", in innererror); otherwise the body text (Blob's XML error).
/// Azure.Core's default message omits the body.
/// </summary>
internal static class ServiceErrors
{
    private const int MaxBodyChars = 4000;

    public static RequestFailedException Create(Response response)
    {
        var body = ReadBody(response);
        var (code, detail) = Describe(body);
        code ??= response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        var message = $"{response.Status} {response.ReasonPhrase}{(code is null ? string.Empty : " " + code)}: {detail}";
        return new RequestFailedException(response.Status, message, code, innerException: null);
    }

    private static string ReadBody(Response response)
    {
        try
        {
            return response.Content?.ToString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // A streamed (unbuffered) download: the error body is small, read it here.
            if (response.ContentStream is null)
            {
                return string.Empty;
            }

            using var reader = new StreamReader(response.ContentStream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    private static (string? Code, string Detail) Describe(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                var detail = new StringBuilder();
                string? code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                for (var e = error; e.ValueKind == JsonValueKind.Object; e = e.TryGetProperty("innererror", out var inner) ? inner : default)
                {
                    if (e.TryGetProperty("message", out var m))
                    {
                        detail.Append(detail.Length == 0 ? string.Empty : " -> ").Append(m.GetString());
                    }
                }

                return (code, detail.ToString());
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw body below says it.
        }

        return (null, body.Length > MaxBodyChars ? body[..MaxBodyChars] : body);
    }
}
