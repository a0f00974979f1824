using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Findings;

/// <summary>
/// Reads ASFF timestamps. Security Hub accepts RFC 3339 date-times ending in <c>Z</c> or an offset
/// (<c>+HH</c>, <c>+HH:MM</c>, <c>+HHMM</c>) bounded by ±18:00, with up to 9 fractional digits.
/// <see cref="DateTimeOffset"/> itself only takes ±14:00 and 7 digits, so the parts are read here and
/// every instant is returned in UTC.
/// </summary>
public static partial class AsffTimestamp
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(18);

    [GeneratedRegex(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,9}))?(?:(?<z>[Zz])|(?<sign>[+-])(?<oh>[0-9]{2})(?::?(?<om>[0-9]{2}))?)\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();

    /// <summary>Parses an ASFF timestamp into a UTC instant. Never throws.</summary>
    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        // 64 characters is far more than the longest valid form; the cap keeps the regex cheap on junk.
        if (text is null || text.Length > 64)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int year = Int(match, "y"), month = Int(match, "mo"), day = Int(match, "d");
        int hour = Int(match, "h"), minute = Int(match, "mi"), second = Int(match, "s");
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // RFC 3339 allows a leap second (23:59:60); .NET has no such second, so it becomes :59.
        if (second == 60)
        {
            second = 59;
        }

        long fractionTicks = 0;
        var fraction = match.Groups["f"];
        if (fraction.Success)
        {
            // Ticks are 100 ns: keep 7 digits and drop the nanoseconds AWS allows beyond them.
            var digits = fraction.Value.Length > 7 ? fraction.Value[..7] : fraction.Value.PadRight(7, '0');
            fractionTicks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var offset = TimeSpan.Zero;
        if (!match.Groups["z"].Success)
        {
            var offsetHours = Int(match, "oh");
            var offsetMinutes = match.Groups["om"].Success ? Int(match, "om") : 0;
            if (offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (offset > MaxOffset)
            {
                return false;
            }

            if (match.Groups["sign"].Value == "-")
            {
                offset = -offset;
            }
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static int Int(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
