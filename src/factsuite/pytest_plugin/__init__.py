"""The pytest plugin: article folders collected as files of check items."""
