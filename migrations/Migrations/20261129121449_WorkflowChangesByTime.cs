using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowChangesByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FindingWorkflowChanges_ChangedAtTicks",
                table: "FindingWorkflowChanges",
                column: "ChangedAtTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FindingWorkflowChanges_ChangedAtTicks",
                table: "FindingWorkflowChanges");
        }
    }
}
