using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Kernel.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnusedUinsByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kernel_uin_unused",
                table: "kernel_uin");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_uin_unused",
                table: "kernel_uin",
                column: "uin",
                filter: "status = 'UNUSED'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kernel_uin_unused",
                table: "kernel_uin");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_uin_unused",
                table: "kernel_uin",
                column: "status",
                filter: "status = 'UNUSED'");
        }
    }
}
