package dev.migrations.command;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.MigrationState;
import dev.migrations.MigrationStatus;

/**
 * The text of {@code migrate:status}: one row per migration under a header, columns as
 * wide as their widest cell, the state in colour on a terminal.
 */
final class StatusTable {

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final int COLUMNS = 4;

	private static final int STATE_COLUMN = 2;

	private StatusTable() {
	}

	/**
	 * Render the table.
	 * @param statuses the migrations
	 * @param colour whether to colour the states
	 * @return the lines of the table, without line ends
	 */
	static List<String> lines(List<MigrationStatus> statuses, boolean colour) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Migration", "Batch", "Status", "Applied At" });
		for (MigrationStatus status : statuses) {
			rows.add(new String[] { status.id().toString(), (status.batch() != null) ? status.batch().toString() : "",
					status.state().name(), (status.appliedAt() != null) ? APPLIED_AT.format(status.appliedAt()) : "" });
		}
		int[] widths = new int[COLUMNS];
		for (String[] row : rows) {
			for (int i = 0; i < COLUMNS; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			String[] row = rows.get(r);
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < COLUMNS; i++) {
				String cell = String.format("%-" + widths[i] + "s", row[i]);
				if (colour && i == STATE_COLUMN && r > 0) {
					cell = colour(cell, MigrationState.valueOf(row[STATE_COLUMN]));
				}
				line.append(cell).append((i < COLUMNS - 1) ? " | " : "");
			}
			lines.add(line.toString().stripTrailing());
			if (r == 0) {
				lines.add("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 9));
			}
		}
		if (statuses.isEmpty()) {
			lines.add("No migrations found.");
		}
		return lines;
	}

	private static String colour(String text, MigrationState state) {
		String code = switch (state) {
			case APPLIED, BASELINE, SQUASHED -> "32";
			case PENDING, OUT_OF_ORDER, IN_PROGRESS -> "33";
			default -> "31";
		};
		return "\u001B[" + code + "m" + text + "\u001B[0m";
	}

}
