using System.Globalization;
using System.Text;

namespace AuditSentinel.Parsing.Tests.Reference;

/// <summary>
/// Writes random but kernel-shaped audit logs (seeded, so a failure reproduces): syscall events with hex-encoded
/// strings (spaces, quotes, UTF-8, control bytes), EXECVE argv with long arguments split into <c>aN[k]</c> chunks
/// across records, SOCKADDR of every decoded family and of unknown ones, multi-keys joined by 0x01, PROCTITLE cut at
/// 128 bytes, ENRICHED names, user-space login messages; events interleave in pairs.
/// </summary>
internal sealed class AuditLogGenerator(int seed, bool enriched)
{
    private const long BaseTime = 1_700_000_000;
    private static readonly (string Hex, string Name, int MaxSyscall)[] Arches =
    [
        ("c000003e", "x86_64", 460), ("40000003", "i386", 460), ("c00000b7", "aarch64", 460), ("40000028", "armeb", 460),
        ("c0000015", "ppc64le", 460), ("80000016", "s390x", 460), ("c00000f3", "riscv64", 460),
    ];

    private static readonly string[] Names = ["root", "alice", "bob", "svc-backup", "www-data"];

    private readonly Random _random = new(seed);
    private ulong _serial = 1000;

    public int Events { get; private set; }

    public void Write(string path, int events)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var time = BaseTime;
        for (var i = 0; i < events; i += 2)
        {
            time += _random.Next(3, 9);
            var first = Event(time);
            var second = Event(time);
            // Interleave two events of the same second, each keeping its own record order.
            var a = 0;
            var b = 0;
            while (a < first.Count || b < second.Count)
            {
                var takeFirst = b >= second.Count || (a < first.Count && _random.Next(2) == 0);
                writer.Write(takeFirst ? first[a++] : second[b++]);
                writer.Write('\n');
            }
        }
    }

    private List<string> Event(long seconds)
    {
        Events++;
        var stamp = string.Create(CultureInfo.InvariantCulture, $"msg=audit({seconds}.{_random.Next(1000):D3}:{_serial++}):");
        return _random.Next(8) == 0 ? [UserLogin(stamp)] : SyscallEvent(stamp);
    }

    private string UserLogin(string stamp)
    {
        var acct = Untrusted(RandomText(1, 12));
        var auid = Id();
        var line = $"type=USER_LOGIN {stamp} pid={_random.Next(1, 99999)} uid=0 auid={auid} ses={Session()} msg='op=login acct={acct} exe=\"/usr/sbin/sshd\" hostname=? addr=10.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)} terminal=ssh res={(_random.Next(2) == 0 ? "success" : "failed")}'";
        return enriched ? $"{line}\u001dUID=\"root\" AUID=\"{NameOf(auid)}\"" : line;
    }

    private List<string> SyscallEvent(string stamp)
    {
        var records = new List<string>();
        var arch = Arches[_random.Next(Arches.Length)];
        var syscall = _random.Next(arch.MaxSyscall);
        var success = _random.Next(3) != 0;
        var exit = success ? _random.Next(0, 5000) : -_random.Next(1, 140);
        var ids = new StringBuilder();
        var enrichedIds = new StringBuilder();
        foreach (var name in new[] { "auid", "uid", "gid", "euid", "suid", "fsuid", "egid", "sgid", "fsgid" })
        {
            var id = Id();
            ids.Append(CultureInfo.InvariantCulture, $" {name}={id}");
            enrichedIds.Append(CultureInfo.InvariantCulture, $" {name.ToUpperInvariant()}=\"{NameOf(id)}\"");
        }

        var syscallLine = string.Create(CultureInfo.InvariantCulture,
            $"type=SYSCALL {stamp} arch={arch.Hex} syscall={syscall} success={(success ? "yes" : "no")} exit={exit} a0={Hex64()} a1={Hex64()} a2={Hex64()} a3={Hex64()} items={_random.Next(3)} ppid={_random.Next(1, 99999)} pid={_random.Next(1, 99999)}{ids} tty=pts{_random.Next(9)} ses={Session()} comm={Untrusted(RandomText(1, 16))} exe={Untrusted("/" + RandomText(1, 40))} key={Keys()}");
        records.Add(enriched ? $"{syscallLine}\u001dARCH={arch.Name}{enrichedIds}" : syscallLine);
        if (_random.Next(3) == 0)
        {
            records.Add($"type=SOCKADDR {stamp} saddr={Convert.ToHexString(SocketAddress())}");
        }

        if (_random.Next(2) == 0)
        {
            records.AddRange(Execve(stamp));
        }

        records.Add($"type=CWD {stamp} cwd={Untrusted("/" + RandomText(0, 30))}");
        var items = _random.Next(0, 3);
        for (var item = 0; item < items; item++)
        {
            records.Add(string.Create(CultureInfo.InvariantCulture,
                $"type=PATH {stamp} item={item} name={Untrusted((_random.Next(3) == 0 ? "../" : "/") + RandomText(1, 30))} inode={_random.Next()} dev=fe:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0"));
        }

        records.Add($"type=PROCTITLE {stamp} proctitle={ProcTitle()}");
        return records;
    }

    // The kernel's EXECVE layout: argc, then aN="..." or hex, and for long arguments aN_len plus aN[k] chunks; a
    // record is closed when it is full and the next chunk continues in a new EXECVE record.
    private List<string> Execve(string stamp)
    {
        var argc = _random.Next(1, 30);
        var records = new List<string>();
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"type=EXECVE {stamp} argc={argc}"));
        for (var index = 0; index < argc; index++)
        {
            var argument = _random.Next(6) == 0 ? RandomText(150, 700) : RandomText(0, 20);
            var bytes = Encoding.UTF8.GetBytes(argument);
            var hex = NeedsHex(bytes);
            if (bytes.Length < 120)
            {
                line.Append(CultureInfo.InvariantCulture, $" a{index}={Encode(bytes, hex)}");
                continue;
            }

            line.Append(CultureInfo.InvariantCulture, $" a{index}_len={bytes.Length}");
            var chunks = SplitOnCharacters(argument);
            for (var k = 0; k < chunks.Count; k++)
            {
                if (line.Length > 400)
                {
                    records.Add(line.ToString());
                    line.Clear().Append(CultureInfo.InvariantCulture, $"type=EXECVE {stamp}");
                }

                line.Append(CultureInfo.InvariantCulture, $" a{index}[{k}]={Encode(Encoding.UTF8.GetBytes(chunks[k]), hex)}");
            }
        }

        records.Add(line.ToString());
        return records;
    }

    // Chunks end on character boundaries: ausearch prints each chunk on its own, so a character split between two
    // chunks would come out of its UTF-8 decoder as two replacement characters (the kernel itself splits anywhere).
    private List<string> SplitOnCharacters(string text)
    {
        var chunks = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var length = Math.Min(text.Length - at, _random.Next(40, 200));
            if (at + length < text.Length && char.IsLowSurrogate(text[at + length]))
            {
                length++;
            }

            chunks.Add(text.Substring(at, length));
            at += length;
        }

        return chunks;
    }

    private byte[] SocketAddress()
    {
        var kind = _random.Next(12);
        var bytes = kind switch
        {
            0 or 1 => Inet(),
            2 or 3 => Inet6(),
            4 => Unix(abstractName: false),
            5 => Unix(abstractName: true),
            6 => Netlink(),
            7 => Family(_random.Next(2) == 0 ? 27 : 50 + _random.Next(100), 8),
            8 => Family(17, 20),
            9 => Family(new[] { 1, 2, 10, 16 }[_random.Next(4)], 2),
            10 => Family(9, 18, fill: (byte)'7'),
            _ => Family(8, 16),
        };
        return bytes;
    }

    private byte[] Inet()
    {
        var bytes = Family(2, 16);
        bytes[2] = (byte)_random.Next(256);
        bytes[3] = (byte)_random.Next(256);
        _random.NextBytes(bytes.AsSpan(4, 4));
        return bytes;
    }

    private byte[] Inet6()
    {
        var bytes = Family(10, 28);
        _random.NextBytes(bytes.AsSpan(2, 6));
        var shape = _random.Next(5);
        for (var i = 0; i < 16; i++)
        {
            var zero = shape switch
            {
                0 => i < 15,
                1 => i < 10,
                2 => i is >= 4 and < 12,
                3 => _random.Next(3) == 0,
                _ => false,
            };
            bytes[8 + i] = zero ? (byte)0 : (byte)_random.Next(256);
        }

        if (shape == 1)
        {
            bytes[18] = 0xFF;
            bytes[19] = 0xFF;
        }

        // A scope id no interface has, so getnameinfo prints it as a number on every machine.
        var scope = _random.Next(3) == 0 ? (uint)_random.Next(5000, 90000) : 0;
        BitConverter.TryWriteBytes(bytes.AsSpan(24), scope);
        return bytes;
    }

    private byte[] Unix(bool abstractName)
    {
        var path = Encoding.UTF8.GetBytes((abstractName ? "" : "/run/") + RandomText(1, 60, printableOnly: true));
        var bytes = Family(1, 2 + (abstractName ? 1 : 0) + path.Length + (_random.Next(2) == 0 ? 1 : 0));
        path.CopyTo(bytes, abstractName ? 3 : 2);
        return bytes;
    }

    private byte[] Netlink()
    {
        var bytes = Family(16, 12);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), (uint)_random.Next());
        BitConverter.TryWriteBytes(bytes.AsSpan(8), (uint)_random.Next());
        return bytes;
    }

    private static byte[] Family(int family, int length, byte fill = 0)
    {
        var bytes = new byte[length];
        bytes.AsSpan(2).Fill(fill);
        bytes[0] = (byte)family;
        bytes[1] = (byte)(family >> 8);
        return bytes;
    }

    private string ProcTitle()
    {
        var words = Enumerable.Range(0, _random.Next(1, 8)).Select(_ => RandomText(1, 40)).ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Join('\0', words));
        if (bytes.Length > 128)
        {
            bytes = bytes[..128];
        }

        return Encode(bytes, hex: words.Count > 1 || NeedsHex(bytes));
    }

    private string Keys()
    {
        var count = _random.Next(4);
        if (count == 0)
        {
            return "(null)";
        }

        var keys = string.Join('\u0001', Enumerable.Range(0, count).Select(_ => RandomText(1, 12, printableOnly: true).Replace('\u0001', 'x')));
        return Untrusted(keys);
    }

    private string Id() => _random.Next(5) switch
    {
        0 => "4294967295",
        1 => "0",
        2 => "1000",
        _ => _random.Next(1, 70000).ToString(CultureInfo.InvariantCulture),
    };

    // auditd resolves the id on the host; any name does here, but an unset id is always "unset".
    private string NameOf(string id) => id == "4294967295" ? "unset" : Names[_random.Next(Names.Length)];

    private string Session() => _random.Next(4) == 0 ? "4294967295" : _random.Next(1, 9999).ToString(CultureInfo.InvariantCulture);

    private string Hex64() => _random.NextInt64(0, long.MaxValue).ToString("x", CultureInfo.InvariantCulture)[.._random.Next(1, 12)];

    // The kernel's audit_log_untrustedstring: quoted unless a byte is a quote, below 0x21 or above 0x7e, then hex.
    private static string Untrusted(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encode(bytes, NeedsHex(bytes));
    }

    private static bool NeedsHex(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'"' || b < 0x21 || b > 0x7E)
            {
                return true;
            }
        }

        return false;
    }

    private static string Encode(byte[] bytes, bool hex) => hex ? Convert.ToHexString(bytes) : $"\"{Encoding.ASCII.GetString(bytes)}\"";

    private string RandomText(int min, int max, bool printableOnly = false)
    {
        var length = _random.Next(min, max + 1);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var pick = _random.Next(printableOnly ? 80 : 100);
            text.Append(pick switch
            {
                < 60 => (char)_random.Next('a', 'z' + 1),
                < 70 => Pick("-./_=:"),
                < 80 => Pick("ÄéøЖ日本€"),
                < 88 => ' ',
                < 94 => Pick("\"'$\\`!"),
                _ => (char)_random.Next(1, 32),
            });
        }

        return text.ToString();
    }

    private char Pick(string characters) => characters[_random.Next(characters.Length)];
}
