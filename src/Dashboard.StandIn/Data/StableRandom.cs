namespace Dashboard.StandIn.Data;

/// <summary>
/// Deterministic pseudo-random numbers keyed by (seed, finding index, salt): the same finding gets the
/// same values whatever order or how many findings are generated, on every platform and .NET version
/// (System.Random's seeded sequence is not promised to stay the same across versions).
/// </summary>
internal struct StableRandom
{
    private ulong state;

    public StableRandom(int seed, long index, ulong salt = 0)
    {
        state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index + 0x632BE59BD9B4E019UL) ^ (salt * 0xD1B54A32D192ED03UL));
    }

    /// <summary>murmur3's fmix64: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    public ulong NextULong()
    {
        // SplitMix64 step.
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public long Next(long maxExclusive) => maxExclusive <= 0 ? 0 : (long)(NextULong() % (ulong)maxExclusive);

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Picks an index by cumulative weights (each entry the running total).</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
