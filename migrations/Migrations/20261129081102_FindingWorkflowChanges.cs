using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FindingWorkflowChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FindingWorkflowChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<string>(type: "TEXT", nullable: false),
                    ProductArn = table.Column<string>(type: "TEXT", nullable: false),
                    AwsAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAtTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingWorkflowChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingWorkflowChanges_FindingId_ProductArn_ChangedAtTicks",
                table: "FindingWorkflowChanges",
                columns: new[] { "FindingId", "ProductArn", "ChangedAtTicks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingWorkflowChanges");
        }
    }
}
