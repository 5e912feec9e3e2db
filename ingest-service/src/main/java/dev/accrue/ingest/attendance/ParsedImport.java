package dev.accrue.ingest.attendance;

import java.util.List;

/**
 * What a CSV parser read from a file: the rows it understood and the rows it could not.
 *
 * @param dataRows participant or roster rows in the file (header and preamble excluded)
 */
public record ParsedImport(int dataRows, List<ImportRow> rows, List<RowProblem> problems) {
}
