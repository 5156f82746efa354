using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace AuditSentinel.TestSupport.Azure;

/// <summary>
/// A throw-away certificate for 127.0.0.1: Azure.Core's bearer-token policy refuses plain http, so the
/// in-process endpoints speak TLS and the client trusts exactly this certificate.
/// </summary>
public static class LoopbackTls
{
    private static readonly Lazy<X509Certificate2> CertificateLazy = new(Create);

    public static X509Certificate2 Certificate => CertificateLazy.Value;

    /// <summary>A transport that accepts only <see cref="Certificate"/>.</summary>
    public static HttpClientTransport CreateTransport()
    {
#pragma warning disable CA2000, MA0039 // The transport owns the handler; it pins the one loopback certificate.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = static (_, cert, _, _) => cert is not null && cert.Thumbprint == Certificate.Thumbprint,
        };
#pragma warning restore CA2000, MA0039
        return new HttpClientTransport(handler);
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }
}
