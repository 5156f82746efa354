using AuditSentinel.Parsing.Interpretation;

namespace AuditSentinel.Parsing.Tests.Interpretation;

public class ShellQuotingTests
{
    [Theory]
    [InlineData("ls", "ls")]
    [InlineData("/usr/bin/env", "/usr/bin/env")]
    [InlineData("--opt=a,b:c@d%e+f", "--opt=a,b:c@d%e+f")]
    [InlineData("", "''")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("~root", "'~root'")]
    [InlineData("naïve", "'naïve'")]
    [InlineData("a\nb", "'a\nb'")]
    public void Quote(string word, string quoted) => Assert.Equal(quoted, ShellQuoting.Quote(word));

    [Fact]
    public void A_first_word_with_an_equals_sign_is_quoted_so_it_is_not_an_assignment() =>
        Assert.Equal("'A=1' cmd B=2", ShellQuoting.Join(["A=1", "cmd", "B=2"]));

    [Fact]
    public void Missing_empty_and_quoted_arguments_are_joined_with_single_spaces() =>
        Assert.Equal("'' <missing> 'it'\\''s' a=b", ShellQuoting.Join(["", null, "it's", "a=b"]));

    [Fact]
    public void No_arguments_join_to_an_empty_line() => Assert.Equal(string.Empty, ShellQuoting.Join([]));

    // The quoting round-trips through a real POSIX shell: sh prints back each argument on its own line.
    [Fact]
    public void Sh_reads_back_the_same_argv()
    {
        string[] argv = ["printf", "%s\\n", "it's", "a b", "$(id)", "`x`", "naïve", "--x=y", "", "\\", "\"q\""];
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ShellQuoting.Join(argv));
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(string.Concat(argv.Skip(2).Select(a => a + "\n")), output);
    }
}
