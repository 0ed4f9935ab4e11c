"""Resolution: mentions -> entities within a document (with coreference), then across documents."""
