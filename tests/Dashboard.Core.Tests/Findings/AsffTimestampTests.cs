using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

public sealed class AsffTimestampTests
{
    [Theory]
    [InlineData("2019-01-31T23:00:00Z", "2019-01-31T23:00:00.0000000+00:00")]
    [InlineData("2019-01-31T23:00:00.123456789Z", "2019-01-31T23:00:00.1234567+00:00")]
    [InlineData("2018-11-29T00:02:14.810068+00:00", "2018-11-29T00:02:14.8100680+00:00")]
    [InlineData("2024-01-04T15:25:10+17:59", "2024-01-03T21:26:10.0000000+00:00")]
    [InlineData("2024-01-04T15:25:10-1759", "2024-01-05T09:24:10.0000000+00:00")]
    [InlineData("2024-01-04T15:25:10+02", "2024-01-04T13:25:10.0000000+00:00")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.0000000+00:00")]
    [InlineData("2020-02-29t10:00:00z", "2020-02-29T10:00:00.0000000+00:00")]
    public void TryParse_AsffForms_GiveTheUtcInstant(string text, string expectedRoundTrip)
    {
        // Act
        var ok = AsffTimestamp.TryParse(text, out var instant);

        // Assert
        Assert.True(ok);
        Assert.Equal(expectedRoundTrip, instant.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-01-31")]
    [InlineData("2019-01-31T23:00:00")]
    [InlineData("2019-01-31 23:00:00Z")]
    [InlineData("2019-02-29T10:00:00Z")]
    [InlineData("2019-13-01T10:00:00Z")]
    [InlineData("2019-01-01T24:00:00Z")]
    [InlineData("2019-01-01T10:00:00+18:01")]
    [InlineData("2019-01-01T10:00:00+05:60")]
    [InlineData("2019-01-01T10:00:00.1234567890Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("١٢٣٤-01-01T00:00:00Z")]
    public void TryParse_NotAnAsffTimestamp_ReturnsFalse(string? text)
    {
        // Act
        var ok = AsffTimestamp.TryParse(text, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void TryParse_HugeInput_ReturnsFalseQuickly()
    {
        // Act
        var ok = AsffTimestamp.TryParse("2019-01-31T23:00:00" + new string('0', 1_000_000) + "Z", out _);

        // Assert
        Assert.False(ok);
    }
}
