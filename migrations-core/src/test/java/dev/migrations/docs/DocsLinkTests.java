package dev.migrations.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of README.md, CONTRIBUTING.md and docs/*.md points at a file or
 * directory that exists and, for a link with an anchor into a Markdown page, at a heading
 * of that page (anchors as GitHub derives them from headings).
 */
class DocsLinkTests {

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");

	@Test
	void everyRelativeLinkResolves() throws IOException {
		List<String> broken = new ArrayList<>();
		int checked = 0;
		for (Path page : DocumentationPages.all()) {
			for (String target : links(page)) {
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				checked++;
				int hash = target.indexOf('#');
				String file = (hash >= 0) ? target.substring(0, hash) : target;
				String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
				Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(page + ": " + target + " (no such file)");
				}
				else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
					broken.add(page + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(checked).isGreaterThan(50);
		assertThat(broken).isEmpty();
	}

	@Test
	void readmeLinksEveryPage() throws IOException {
		Set<String> linked = new HashSet<>(links(DocumentationPages.ROOT.resolve("README.md")));
		for (Path page : DocumentationPages.all()) {
			String name = DocumentationPages.ROOT.relativize(page).toString().replace('\\', '/');
			if (!name.equals("README.md")) {
				assertThat(linked).as("README links to %s", name).contains(name);
			}
		}
	}

	@Test
	void anchorsAreDerivedFromHeadingsAsGitHubDoes() {
		assertThat(anchor("Dry runs replay in the database's own client"))
			.isEqualTo("dry-runs-replay-in-the-databases-own-client");
		assertThat(anchor("The `migrations` endpoint")).isEqualTo("the-migrations-endpoint");
		assertThat(anchor("Write operations: apply, roll back, pretend"))
			.isEqualTo("write-operations-apply-roll-back-pretend");
	}

	private static List<String> links(Path page) throws IOException {
		List<String> links = new ArrayList<>();
		boolean fenced = false;
		for (String line : Files.readAllLines(page)) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
			}
			if (!fenced) {
				Matcher link = LINK.matcher(line);
				while (link.find()) {
					links.add(link.group(1));
				}
			}
		}
		return links;
	}

	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new HashSet<>();
		boolean fenced = false;
		for (String line : Files.readAllLines(page)) {
			if (line.stripLeading().startsWith("```")) {
				fenced = !fenced;
			}
			Matcher heading = HEADING.matcher(line);
			if (!fenced && heading.matches()) {
				String anchor = anchor(heading.group(1));
				String unique = anchor;
				for (int i = 1; !anchors.add(unique); i++) {
					unique = anchor + "-" + i;
				}
			}
		}
		return anchors;
	}

	private static String anchor(String heading) {
		return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
	}

}
