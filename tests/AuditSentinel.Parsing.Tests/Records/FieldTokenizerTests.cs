using System.Text;
using AuditSentinel.Parsing.Records;
using AuditSentinel.TestSupport;

namespace AuditSentinel.Parsing.Tests.Records;

public class FieldTokenizerTests
{
    private static AuditRecord Parse(string line) => FixtureRecords.Parse(line);

    private static AuditField Field(AuditRecord record, string name)
    {
        Assert.True(record.TryGetField(Encoding.ASCII.GetBytes(name), out var field), $"no field {name} in {record}");
        return field;
    }

    [Fact]
    public void Hex_encoded_exe_is_decoded_and_lowercase_hex_numbers_are_left_alone()
    {
        var record = Parse(File.ReadLines(AuditSentinel.TestSupport.RepoPaths.Fixture("go-libaudit", "testdata", "normal.log")).First());
        var exe = Field(record, "exe");
        Assert.Equal(FieldKind.Hex, exe.Kind);
        Assert.Equal("/usr/bin/python2.7;58d1ccfb (deleted)", exe.Text);
        Assert.Equal(FieldKind.Plain, Field(record, "a1").Kind);
        Assert.Equal("7ffed2893080", Field(record, "a1").Text);
        Assert.Equal(FieldKind.Quoted, Field(record, "comm").Kind);
        Assert.Equal("google_accounts", Field(record, "comm").Text);
        Assert.True(record.TryGetInt64("exit"u8, out var exit));
        Assert.Equal(-115, exit);
    }

    [Fact]
    public void Execve_arguments_are_hex_only_inside_execve_records()
    {
        var execve = Parse("type=EXECVE msg=audit(1.000:1): argc=2 a0=\"echo\" a1=68656C6C6F20776F726C64");
        Assert.Equal("hello world", Field(execve, "a1").Text);
        var syscall = Parse("type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=59 a1=ABCD");
        Assert.Equal(FieldKind.Plain, Field(syscall, "a1").Kind);
    }

    [Theory]
    [InlineData("?", FieldKind.Absent)]
    [InlineData("(null)", FieldKind.Absent)]
    [InlineData("(none)", FieldKind.Absent)]
    [InlineData("!", FieldKind.Plain)]
    [InlineData("(nil)", FieldKind.Plain)]
    [InlineData("(null", FieldKind.Plain)]
    [InlineData("(nulls)", FieldKind.Plain)]
    [InlineData("??", FieldKind.Plain)]
    [InlineData("ABCD", FieldKind.Hex)]
    [InlineData("ABC", FieldKind.Plain)]
    [InlineData("ABCD\"", FieldKind.Hex)]
    [InlineData("ABC\"", FieldKind.Plain)]
    [InlineData("ABCDE", FieldKind.Plain)]
    [InlineData("0", FieldKind.Plain)]
    [InlineData("1234", FieldKind.Hex)]
    [InlineData("12345", FieldKind.Plain)]
    public void A_bare_value_is_absent_hex_or_plain_by_its_exact_text(string value, FieldKind kind)
    {
        // key is an escaped field, so an uppercase-hex value of even length is the kernel's hex encoding.
        var record = Parse($"type=SYSCALL msg=audit(1.000:1): syscall=2 key={value} pid=1");
        Assert.Equal(kind, Field(record, "key").Kind);
        Assert.Equal(FieldKind.Plain, Field(record, "pid").Kind);
    }

    [Fact]
    public void Multi_keys_decode_with_the_0x01_separator()
    {
        var record = Parse("type=SYSCALL msg=audit(1.000:1): syscall=2 key=7365637265740174657374");
        Assert.Equal("secret\u0001test", Field(record, "key").Text);
    }

    [Fact]
    public void User_space_message_fields_are_read_from_inside_msg()
    {
        var record = Parse(LineFixtures.SshIntrusion("type=USER_LOGIN"));
        var acct = Field(record, "acct");
        Assert.Equal(FieldOrigin.Message, acct.Origin);
        Assert.NotNull(acct.Text);
        Assert.Equal(FieldOrigin.Message, Field(record, "res").Origin);
        Assert.Equal(FieldOrigin.Body, Field(record, "pid").Origin);
        Assert.False(record.Has("msg"u8));
    }

    [Fact]
    public void Legacy_pam_message_with_parenthesised_tail_is_understood()
    {
        var record = Parse(LineFixtures.GoLibaudit("test2.log", "PAM: session open"));
        Assert.Equal("root", Field(record, "acct").Text);
        Assert.Equal("/usr/sbin/crond", Field(record, "exe").Text);
        Assert.Equal(FieldKind.Absent, Field(record, "hostname").Kind);
        Assert.Equal(FieldKind.Absent, Field(record, "addr").Kind);
        Assert.Equal("cron", Field(record, "terminal").Text);
        Assert.Equal("success", Field(record, "res").Text);
    }

    [Fact]
    public void Old_and_new_auid_words_keep_the_new_value_as_auid()
    {
        var record = Parse(LineFixtures.GoLibaudit("test2.log", "old auid"));
        Assert.Equal("0", Field(record, "auid").Text);
        Assert.Equal("4294967295", Field(record, "old-auid").Text);
    }

    [Fact]
    public void Selinux_avc_result_and_permissions_become_fields()
    {
        var record = Parse(LineFixtures.GoLibaudit("test2.log", "avc:  denied"));
        Assert.Equal("denied", Field(record, "seresult").Text);
        Assert.Equal("read", Field(record, "seperms").Text);
        Assert.Equal("pickup", Field(record, "comm").Text);
        Assert.Equal("dir", Field(record, "tclass").Text);
    }

    [Fact]
    public void Enriched_braced_sockaddr_is_one_value()
    {
        var record = Parse("node=vm type=SOCKADDR msg=audit(1.000:1): saddr=020000507F0000010000000000000000\u001dSADDR={ saddr_fam=inet laddr=127.0.0.1 lport=80 }");
        Assert.True(record.TryGetEnriched("SADDR"u8, out var saddr));
        Assert.Equal(FieldKind.Braced, saddr.Kind);
        Assert.Equal("saddr_fam=inet laddr=127.0.0.1 lport=80", saddr.Text);
    }

    [Fact]
    public void Interpreted_values_with_spaces_run_until_the_next_key()
    {
        var record = Parse("node=vm type=PROCTITLE msg=audit(11/22/26 07:45:28.773:4160) : proctitle=auditd -n -c /tmp/realaudit.eTtp ");
        Assert.Equal("auditd -n -c /tmp/realaudit.eTtp", Field(record, "proctitle").Text);
        var sockaddr = Parse("node=vm type=SOCKADDR msg=audit(11/22/26 07:45:30.773:4164) : saddr={ saddr_fam=netlink nlnk-fam=16 nlnk-pid=0 } ");
        Assert.Equal("saddr_fam=netlink nlnk-fam=16 nlnk-pid=0", Field(sockaddr, "saddr").Text);
    }

    [Fact]
    public void Every_field_of_every_real_record_has_a_name_and_quoted_values_never_keep_quotes()
    {
        var parser = new RecordParser();
        foreach (var path in Directory.EnumerateFiles(AuditSentinel.TestSupport.RepoPaths.Fixtures, "*.log", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (!parser.TryParse(Encoding.UTF8.GetBytes(line), 1, out var record, out _))
                {
                    continue;
                }

                for (var i = 0; i < record.FieldCount; i++)
                {
                    var field = record[i];
                    Assert.False(field.Name.IsEmpty, $"{path}: {line}");
                    Assert.DoesNotContain((byte)' ', field.Name.ToArray());
                    if (field.Kind == FieldKind.Quoted)
                    {
                        Assert.DoesNotContain((byte)'"', field.RawValue.ToArray());
                    }
                }
            }
        }
    }
}
