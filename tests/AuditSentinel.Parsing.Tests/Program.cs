using AuditSentinel.Parsing.Tests.Events;

namespace AuditSentinel.Parsing.Tests;

/// <summary>
/// The test assembly's entry point, in place of the empty one the test SDK generates (the test host never calls it).
/// Run as <c>dotnet exec AuditSentinel.Parsing.Tests.dll event-key-hashes</c>, it prints the hash codes of
/// <see cref="EventKeySeedTests.Keys"/>, one a line, for the test that compares them across processes.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is not [EventKeySeedTests.PrintHashesArgument])
        {
            return 0;
        }

        foreach (var key in EventKeySeedTests.Keys)
        {
            Console.WriteLine(key.GetHashCode());
        }

        return 0;
    }
}
