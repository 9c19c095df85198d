package dev.migrations.samples.quickstart;

import org.jspecify.annotations.Nullable;

/**
 * The request body that creates a note in an existing notebook.
 *
 * @param notebook the name of the notebook
 * @param title the title
 * @param body the text, if any
 */
public record NewNote(String notebook, String title, @Nullable String body) {

}
