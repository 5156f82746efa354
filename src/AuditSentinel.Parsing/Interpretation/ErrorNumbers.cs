using System.Globalization;

namespace AuditSentinel.Parsing.Interpretation;

/// <summary>
/// Linux errno names and messages for a syscall's <c>exit=</c>: a negative exit is minus an errno. The table is
/// the reference's own output (generate-errno-table.sh): libaudit's names, glibc's messages.
/// </summary>
public static class ErrorNumbers
{
    /// <summary>The errno name of a negative exit (<c>-2</c> gives <c>ENOENT</c>); null for a success value or an errno libaudit does not name.</summary>
    public static string? NameOfExit(long exit) =>
        exit < 0 && -exit < ErrnoTable.Entries.Length ? ErrnoTable.Entries[-exit].Name : null;

    /// <summary>The name of an errno number (<c>2</c> gives <c>ENOENT</c>), or null.</summary>
    public static string? Name(int errno) =>
        (uint)errno < (uint)ErrnoTable.Entries.Length ? ErrnoTable.Entries[errno].Name : null;

    /// <summary>glibc's <c>strerror</c> text of an errno number, <c>Unknown error N</c> past the table.</summary>
    public static string Message(long errno) =>
        errno >= 0 && errno < ErrnoTable.Entries.Length
            ? ErrnoTable.Entries[errno].Message
            : string.Create(CultureInfo.InvariantCulture, $"Unknown error {errno}");

    /// <summary>
    /// <c>exit=</c> as <c>ausearch -i</c> prints it: a negative value as <c>NAME(message)</c>, with <c>(null)</c> for
    /// an unnamed errno as auparse's printf does; other values unchanged.
    /// </summary>
    public static string AuparseText(long exit) =>
        exit < 0 ? $"{NameOfExit(exit) ?? "(null)"}({Message(-exit)})" : exit.ToString(CultureInfo.InvariantCulture);
}
