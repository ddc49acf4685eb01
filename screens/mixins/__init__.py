"""Parts of the main screen kept in their own files: the call log and the queue's filters."""
