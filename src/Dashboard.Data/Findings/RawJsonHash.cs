using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Dashboard.Data.Findings;

/// <summary>
/// A 64-bit digest of a finding's raw JSON, stored beside it so the upsert can tell "unchanged"
/// without reading the JSON back. BatchUpdateFindings changes workflow or notes without moving
/// UpdatedAt, so UpdatedAt alone cannot decide it. XxHash3: change detection, not security, and
/// a full sync hashes a million 3 KB documents.
/// </summary>
internal static class RawJsonHash
{
    // The UTF-16 code units as they are: no encoding pass, and stable for the same string.
    public static long Compute(string rawJson)
        => unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(rawJson.AsSpan())));
}
