// Template alignment: being written.
