"""The web side: HTTP routes that aren't a chat platform's (private calendar feeds)."""
