package dev.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pages of the documentation: README.md and CONTRIBUTING.md at the root of the
 * repository, and every page under docs/.
 */
final class DocumentationPages {

	static final Path ROOT = Path.of("..");

	private DocumentationPages() {
	}

	static List<Path> all() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

}
