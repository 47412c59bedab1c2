"""Schema isolation: remap a script into the sandbox, prove statically that it stays there,
and check at run time (fingerprints) that production did not change."""
