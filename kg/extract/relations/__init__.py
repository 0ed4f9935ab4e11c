"""Relations: rules over the dependency parse, driven by the trigger lexicon."""
