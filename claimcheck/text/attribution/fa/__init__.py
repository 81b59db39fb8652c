"""Persian attribution: what can be a source (:mod:`.sources`); the tagger finds
the relations."""
