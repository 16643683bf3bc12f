"""Where help's pointers into the documentation lead."""

from dataclasses import dataclass

# The references written as the site builds (docs/hooks/references.py), not kept under docs/.
COMMANDS_PAGE = "reference/commands.md"
CONFIGURATION_PAGE = "reference/configuration.md"


@dataclass(frozen=True, slots=True)
class Docs:
    """Where help's pointers lead: the published documentation site (TURNOUT_DOCS_URL), or,
    unpublished, the docs/ folder that ships with Turnout."""

    url: str = ""

    def link(self, doc: str) -> str | None:
        """A topic's `doc` (`organizers.md#shifts`) as a reader can follow it: on the site,
        `<url>/organizers/#shifts` (MkDocs gives each page a folder); else
        `docs/organizers.md#shifts`, or None for a generated page, which only the site has."""
        if not self.url:
            generated = doc.partition("#")[0] in (COMMANDS_PAGE, CONFIGURATION_PAGE)
            return None if generated else f"docs/{doc}"
        page, hash_, anchor = doc.partition("#")
        folder = page.removesuffix(".md").removesuffix("index")
        return f"{self.url.rstrip('/')}/{folder}{'/' if folder else ''}{hash_}{anchor}"
