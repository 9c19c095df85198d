package dev.migrations.samples.quickstart;

import org.jspecify.annotations.Nullable;

/**
 * A note as the REST endpoint shows it.
 *
 * @param id the id
 * @param notebook the name of the notebook it is in
 * @param title the title
 * @param body the text, if any
 * @param pinned whether it is pinned
 */
public record Note(long id, String notebook, String title, @Nullable String body, boolean pinned) {

}
