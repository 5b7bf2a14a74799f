"""Running the stages over input files: which files, workers, publishing, the compile cache, the watch."""
