"""Build machinery: the conversion cache, file writes, parallel work and the devserver watcher."""
