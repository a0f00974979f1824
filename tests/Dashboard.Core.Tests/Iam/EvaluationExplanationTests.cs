using System.Text.Json;
using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Every decision explains itself, as text and as JSON, with a verbose per-statement trace on request.</summary>
public sealed class EvaluationExplanationTests
{
    private static EvaluationRequest Scenario(bool verbose) =>
        Request(
            "s3:PutObject",
            "arn:aws:s3:::reports/q1.csv",
            Policy(
                Statement("Allow", "s3:GetObject", "arn:aws:s3:::reports/*", sid: "Read"),
                Statement("Allow", "s3:PutObject", "arn:aws:s3:::other/*", sid: "WriteOther"),
                Statement("Allow", "s3:PutObject", "*", """{"Bool": {"aws:SecureTransport": "true"}}""", sid: "WriteOverTls"),
                Statement("Deny", "s3:PutObject", "*", """{"StringEquals": {"aws:SecureTransport": "false"}}""", sid: "DenyPlain"))) with
        {
            Context = ContextKeys.Empty.With("aws:SecureTransport", "false"),
            Verbose = verbose,
        };

    [Fact]
    public void Trace_Verbose_GivesEveryStatementItsOutcomeAndReason()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Scenario(verbose: true));

        // Assert
        Assert.Equal(
            [StatementOutcome.ActionNotMatched, StatementOutcome.ResourceNotMatched, StatementOutcome.ConditionFalse, StatementOutcome.Applies],
            result.Trace.Select(t => t.Outcome));
        Assert.Equal("s3:PutObject is not in Action [s3:GetObject]", result.Trace[0].Detail);
        Assert.Equal("condition not met: aws:SecureTransport is true", result.Trace[2].Detail);
    }

    [Fact]
    public void Trace_NotVerbose_IsEmpty()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Scenario(verbose: false));

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Empty(result.Trace);
    }

    [Fact]
    public void ToText_ContainsDecisionSummaryExplanationAndTrace()
    {
        // Act
        var text = EvaluationResultFormatter.ToText(PolicyEvaluator.Evaluate(Scenario(verbose: true)));

        // Assert
        Assert.StartsWith("Decision: ExplicitDeny", text, StringComparison.Ordinal);
        Assert.Contains("Explicitly denied by identity-based policy 'identity-1', statement 'DenyPlain'.", text, StringComparison.Ordinal);
        Assert.Contains("Trace:", text, StringComparison.Ordinal);
        Assert.Contains("statement 'WriteOther': ResourceNotMatched", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_UsesCamelCaseAndEnumNames()
    {
        // Act
        var json = EvaluationResultFormatter.ToJson(PolicyEvaluator.Evaluate(Scenario(verbose: true)));

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("ExplicitDeny", root.GetProperty("kind").GetString());
        var deciding = root.GetProperty("decidingStatements")[0];
        Assert.Equal(("Identity", "DenyPlain", "Deny"), (deciding.GetProperty("policyKind").GetString(), deciding.GetProperty("sid").GetString(), deciding.GetProperty("effect").GetString()));
        Assert.Equal("ActionNotMatched", root.GetProperty("trace")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void ToJson_ConditionalDecision_CarriesTheConditions()
    {
        // Arrange
        var request = Request("ec2:StopInstances", "*", Policy(Allow("ec2:*", "*", """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}""")));

        // Act
        var json = EvaluationResultFormatter.ToJson(PolicyEvaluator.Evaluate(request), indented: false);

        // Assert
        using var document = JsonDocument.Parse(json);
        var clause = document.RootElement.GetProperty("allowedOnlyIf")[0].GetProperty("alternatives")[0].GetProperty("clauses")[0];
        Assert.Equal(("aws:MultiFactorAuthPresent", "Bool", "aws:MultiFactorAuthPresent is true"), (clause.GetProperty("key").GetString(), clause.GetProperty("operator").GetString(), clause.GetProperty("text").GetString()));
    }

    [Fact]
    public void Explanation_AllowedAcrossLayers_NamesEachLayersStatement()
    {
        // Arrange
        var request = Request("s3:GetObject", "*", Policy(Statement("Allow", "s3:*", sid: "S3"))) with
        {
            ServiceControlPolicies = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess))],
            PermissionsBoundary = Input("Boundary", Policy(Statement("Allow", "s3:Get*", sid: "ReadOnly"))),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Equal(
            [
                "SCPs at Root r-1: allowed by SCP 'FullAWSAccess' at Root r-1, statement #1.",
                "Identity-based policies: allowed by identity-based policy 'identity-1', statement 'S3'.",
                "Permissions boundary: allowed by permissions boundary 'Boundary', statement 'ReadOnly'.",
            ],
            result.Explanation);
    }

    [Fact]
    public void Explanation_ImplicitDeny_SaysNothingAllowed()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("kms:Decrypt", "*", Policy(Allow("s3:*"))));

        // Assert
        Assert.Equal("Implicitly denied: no identity-based policy allows kms:Decrypt on *.", result.Summary);
        Assert.Single(result.Explanation);
    }
}
