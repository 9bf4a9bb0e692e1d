// Startup cost: an empty program.
