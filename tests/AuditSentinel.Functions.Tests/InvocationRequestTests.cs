using System.Text;
using System.Text.Json;
using AuditSentinel.Functions.Protocol;

namespace AuditSentinel.Functions.Tests;

public sealed class InvocationRequestTests
{
    [Fact]
    public void Arrays_the_host_sent_as_json_text_and_objects_sent_as_objects_both_decode()
    {
        var request = Parse("""{"Data":{"events":"[\"a\",\"b\"]"},"Metadata":{"SequenceNumberArray":"[4,5]","PartitionContext":{"PartitionId":"3"}}}""");

        Assert.Equal(["a", "b"], request.Data("events", JsonValueKind.Array).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([4L, 5L], request.Metadata("SequenceNumberArray", JsonValueKind.Array)!.Value.EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("3", request.Metadata("PartitionContext", JsonValueKind.Object)!.Value.GetProperty("PartitionId").GetString());
        Assert.Null(request.Metadata("PropertiesArray", JsonValueKind.Array));
    }

    [Fact]
    public void An_event_sent_as_text_of_text_still_decodes()
    {
        var inner = JsonSerializer.Serialize(JsonSerializer.Serialize(new { id = "e1" }));
        var request = Parse("{\"Data\":{\"eventGridEvent\":" + inner + "}}");

        Assert.Equal("e1", request.Data("eventGridEvent", JsonValueKind.Object).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"Metadata":{}}""", "no Data object")]
    [InlineData("""{"Data":{}}""", "no Data.events")]
    [InlineData("""{"Data":{"events":"plain text"}}""", "Data.events should be a JSON array")]
    public void What_is_not_an_invocation_is_refused_with_the_reason(string body, string reason)
    {
        var error = Assert.Throws<InvalidInvocationException>(() => Parse(body).Data("events", JsonValueKind.Array));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static InvocationRequest Parse(string body) => InvocationRequest.Parse(Encoding.UTF8.GetBytes(body));
}
