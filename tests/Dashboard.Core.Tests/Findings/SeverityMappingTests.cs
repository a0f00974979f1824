using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

public sealed class SeverityMappingTests
{
    [Theory]
    [InlineData(-5, Severity.Informational)]
    [InlineData(0, Severity.Informational)]
    [InlineData(1, Severity.Low)]
    [InlineData(39, Severity.Low)]
    [InlineData(40, Severity.Medium)]
    [InlineData(69, Severity.Medium)]
    [InlineData(70, Severity.High)]
    [InlineData(89, Severity.High)]
    [InlineData(90, Severity.Critical)]
    [InlineData(100, Severity.Critical)]
    [InlineData(250, Severity.Critical)]
    public void FromNormalized_Score_FollowsTheAwsRanges(int normalized, Severity expected)
    {
        // Act
        var severity = SeverityMapping.FromNormalized(normalized);

        // Assert
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData(Severity.Informational, 0, "INFORMATIONAL")]
    [InlineData(Severity.Low, 1, "LOW")]
    [InlineData(Severity.Medium, 40, "MEDIUM")]
    [InlineData(Severity.High, 70, "HIGH")]
    [InlineData(Severity.Critical, 90, "CRITICAL")]
    public void ToNormalizedAndToLabel_EachSeverity_RoundTrips(Severity severity, int normalized, string label)
    {
        // Act
        var actualNormalized = SeverityMapping.ToNormalized(severity);
        var actualLabel = SeverityMapping.ToLabel(severity);
        var parsed = SeverityMapping.TryParseLabel(actualLabel, out var back);

        // Assert
        Assert.Equal((normalized, label), (actualNormalized, actualLabel));
        Assert.True(parsed);
        Assert.Equal(severity, back);
        Assert.Equal(severity, SeverityMapping.FromNormalized(actualNormalized));
    }

    [Theory]
    [InlineData(" critical ", true, Severity.Critical)]
    [InlineData("High", true, Severity.High)]
    [InlineData("SEVERE", false, Severity.Informational)]
    [InlineData("", false, Severity.Informational)]
    [InlineData(null, false, Severity.Informational)]
    public void TryParseLabel_AnyInput_NeverThrows(string? label, bool expected, Severity expectedSeverity)
    {
        // Act
        var ok = SeverityMapping.TryParseLabel(label, out var severity);

        // Assert
        Assert.Equal((expected, expectedSeverity), (ok, severity));
    }

    [Fact]
    public void ToLabel_UndefinedSeverity_Throws()
    {
        // Act & Assert: a programming error, not input; fail loudly.
        Assert.Throws<ArgumentOutOfRangeException>(() => SeverityMapping.ToLabel((Severity)42));
    }
}
