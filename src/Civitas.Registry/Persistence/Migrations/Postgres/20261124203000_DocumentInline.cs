using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civitas.Registry.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Keeps an identity's encrypted document (about 3.5 KB) in the row itself instead of PostgreSQL's TOAST table.
    /// Every authentication reads one identity by its UIN hash; out of line, that read also walked the TOAST index
    /// and two TOAST pages (bench/README.md, "Authentication"). Encrypted bytes do not compress, so the row simply
    /// takes half a page. Existing rows are rewritten once so that they move in too.
    /// </summary>
    [DbContext(typeof(PostgresRegistryDbContext))]
    [Migration("20261124203000_DocumentInline")]
    public partial class DocumentInline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE registry_identities ALTER COLUMN "Document" SET STORAGE MAIN;""");
            migrationBuilder.Sql("""UPDATE registry_identities SET "Document" = "Document" || ''::bytea;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE registry_identities ALTER COLUMN "Document" SET STORAGE EXTENDED;""");
        }
    }
}
