using System.Text.Json;
using AuditSentinel.Functions.EventHubs;

namespace AuditSentinel.Functions.Tests;

public sealed class ForwarderMessageTests
{
    private const string Line = "type=USER_LOGIN msg=audit(1795333600.123:7001): pid=1 uid=0 res=success";

    [Theory]
    [InlineData("""{"log":"LINE","hostname":"web-1"}""", "web-1")]
    [InlineData("""{"message":"LINE","host":"web-2","source_type":"file"}""", "web-2")]
    [InlineData("""{"msg":"LINE","hostname":"web-3"}""", "web-3")]
    [InlineData("""{"message":"LINE","host":{"name":"web-4","ip":["10.0.0.4"]}}""", "web-4")]
    [InlineData("""{"log":"LINE"}""", "from-properties")]
    public void Forwarder_records_give_their_line_and_host(string record, string host)
    {
        var message = ForwarderMessage.Decode(record.Replace("LINE", Line, StringComparison.Ordinal), Properties("""{"host":"from-properties"}"""));

        Assert.Equal([Line], message.Lines());
        Assert.Equal(host, message.Host);
    }

    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\n\nb", new[] { "a", "", "b" })]
    [InlineData("", new[] { "" })]
    public void Raw_messages_split_into_lines_and_an_empty_one_is_a_blank_line(string body, string[] lines) =>
        Assert.Equal(lines, ForwarderMessage.Decode(body, default).Lines());

    [Theory]
    [InlineData("""{"level":"info","text":"no message field"}""")]
    [InlineData("""{ not json""")]
    public void Json_without_a_message_field_goes_to_the_parser_as_it_is(string body)
    {
        var message = ForwarderMessage.Decode(body, default);

        Assert.Equal([body], message.Lines());
        Assert.Null(message.Host);
    }

    private static JsonElement Properties(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
