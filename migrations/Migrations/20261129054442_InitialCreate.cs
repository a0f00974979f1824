using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the summary tables are WITHOUT ROWID (stored in primary-key order), so the
            // overview and page totals read them as one range scan with no lookups. EF Core has no
            // way to say so; a later migration that rebuilds these tables must keep the clause.
            migrationBuilder.Sql("""
                CREATE TABLE "ControlFailureCounts" (
                    "ControlId" TEXT NOT NULL,
                    "AwsAccountId" TEXT NOT NULL,
                    "Title" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_ControlFailureCounts" PRIMARY KEY ("ControlId", "AwsAccountId", "Title")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "FindingCounts" (
                    "RecordState" TEXT NOT NULL,
                    "SeverityRank" INTEGER NOT NULL,
                    "AwsAccountId" TEXT NOT NULL,
                    "Region" TEXT NOT NULL,
                    "ProductName" TEXT NOT NULL,
                    "WorkflowStatus" TEXT NOT NULL,
                    "ComplianceStatus" TEXT NOT NULL,
                    "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_FindingCounts" PRIMARY KEY ("RecordState", "SeverityRank", "AwsAccountId", "Region", "ProductName", "WorkflowStatus", "ComplianceStatus")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<string>(type: "TEXT", nullable: true),
                    ProductArn = table.Column<string>(type: "TEXT", nullable: false),
                    AwsAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", nullable: true),
                    GeneratorId = table.Column<string>(type: "TEXT", nullable: false),
                    ControlId = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    SeverityRank = table.Column<int>(type: "INTEGER", nullable: false),
                    SeverityNormalized = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplianceStatus = table.Column<string>(type: "TEXT", nullable: true),
                    WorkflowStatus = table.Column<string>(type: "TEXT", nullable: false),
                    RecordState = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", nullable: true),
                    ResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    FirstObservedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    LastObservedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    RawHash = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Trigger = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyncWatermarks",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedAtTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFullRefreshAtTicks = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncWatermarks", x => new { x.AccountId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "FindingJson",
                columns: table => new
                {
                    FindingKey = table.Column<long>(type: "INTEGER", nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingJson", x => x.FindingKey);
                    table.ForeignKey(
                        name: "FK_FindingJson_Findings_FindingKey",
                        column: x => x.FindingKey,
                        principalTable: "Findings",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    FullRefresh = table.Column<bool>(type: "INTEGER", nullable: false),
                    New = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Retries = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    RejectionSamplesJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAtTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunTargets_SyncRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_Id_ProductArn",
                table: "Findings",
                columns: new[] { "Id", "ProductArn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_AwsAccountId_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "AwsAccountId", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_ComplianceStatus_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "ComplianceStatus", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_ControlId_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "ControlId", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_ProductName_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "ProductName", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_Region_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "Region", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_ResourceType_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "ResourceType", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_Title_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "Title", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_UpdatedAtTicks",
                table: "Findings",
                columns: new[] { "RecordState", "UpdatedAtTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RecordState_WorkflowStatus_SeverityRank",
                table: "Findings",
                columns: new[] { "RecordState", "WorkflowStatus", "SeverityRank" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ResourceId",
                table: "Findings",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunTargets_RunId",
                table: "SyncRunTargets",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_StartedAtTicks",
                table: "SyncRuns",
                column: "StartedAtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ControlFailureCounts");

            migrationBuilder.DropTable(
                name: "FindingCounts");

            migrationBuilder.DropTable(
                name: "FindingJson");

            migrationBuilder.DropTable(
                name: "SyncRunTargets");

            migrationBuilder.DropTable(
                name: "SyncWatermarks");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "SyncRuns");
        }
    }
}
