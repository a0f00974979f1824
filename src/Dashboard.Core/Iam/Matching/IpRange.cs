using System.Net;
using System.Net.Sockets;

namespace Dashboard.Core.Iam.Matching;

/// <summary>
/// An IPv4 or IPv6 CIDR block from an <c>IpAddress</c>/<c>NotIpAddress</c> condition. A bare address
/// means a single host. Host bits set in the policy (<c>203.0.113.7/24</c>) are masked off rather than
/// rejected, the way AWS reads such ranges.
/// </summary>
internal sealed class IpRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private IpRange(byte[] network, int prefixLength, AddressFamily family)
    {
        _network = network;
        _prefixLength = prefixLength;
        Family = family;
    }

    public AddressFamily Family { get; }

    public static bool TryParse(string text, out IpRange? range)
    {
        range = null;
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/');
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var maxPrefix = bytes.Length * 8;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(trimmed.AsSpan(slash + 1), System.Globalization.NumberStyles.None, null, out prefix) || prefix > maxPrefix))
        {
            return false;
        }

        for (var bit = prefix; bit < maxPrefix; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        range = new IpRange(bytes, prefix, address.AddressFamily);
        return true;
    }

    /// <summary>Parses an address strictly enough that "1" or "10.1" are not read as IPv4.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        var isV6 = trimmed.Contains(':');
        if (!isV6 && trimmed.Count(c => c == '.') != 3)
        {
            return false;
        }

        if (!IPAddress.TryParse(trimmed, out var parsed) || parsed is null)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && Family == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != Family)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != _network.Length)
        {
            return false;
        }

        var fullBytes = _prefixLength / 8;
        if (!bytes[..fullBytes].SequenceEqual(_network.AsSpan(0, fullBytes)))
        {
            return false;
        }

        var remainingBits = _prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (bytes[fullBytes] & mask) == _network[fullBytes];
    }
}
