using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class IamAndOrganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "SyncRunTargets",
                type: "TEXT",
                nullable: false,
                defaultValue: "findings");

            migrationBuilder.CreateTable(
                name: "IamPrincipals",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Arn = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    CreateDateTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    RiskCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestRiskSeverity = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamPrincipals", x => new { x.AccountId, x.Arn });
                });

            migrationBuilder.CreateTable(
                name: "IamRisks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceArn = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    Remediation = table.Column<string>(type: "TEXT", nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamRisks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IamSnapshots",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    WarningsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IamSnapshots", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CollectedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IamPrincipals_AccountId_Kind_Name",
                table: "IamPrincipals",
                columns: new[] { "AccountId", "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_IamPrincipals_Name",
                table: "IamPrincipals",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_IamRisks_AccountId",
                table: "IamRisks",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_IamRisks_ResourceArn",
                table: "IamRisks",
                column: "ResourceArn");

            migrationBuilder.CreateIndex(
                name: "IX_IamRisks_RuleId",
                table: "IamRisks",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_IamRisks_Severity",
                table: "IamRisks",
                column: "Severity");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationSnapshots_CollectedAtTicks",
                table: "OrganizationSnapshots",
                column: "CollectedAtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IamPrincipals");

            migrationBuilder.DropTable(
                name: "IamRisks");

            migrationBuilder.DropTable(
                name: "IamSnapshots");

            migrationBuilder.DropTable(
                name: "OrganizationSnapshots");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "SyncRunTargets");
        }
    }
}
