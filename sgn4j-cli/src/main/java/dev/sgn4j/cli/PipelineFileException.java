package dev.sgn4j.cli;

/**
 * A mistake in a pipeline file, with where it is: the file, the line and the field, e.g. {@code
 * pipeline.yaml line 7, field 'type': unknown element type 'IterSorce'; ...}. The command line
 * prints the message and exits with code 2.
 */
final class PipelineFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * A mistake at a line and field of a file.
   *
   * @param file the file as the user named it
   * @param line the 1-based line, or 0 when the mistake is not at one line
   * @param field the field, or null when there is none
   * @param detail what is wrong and what to do
   */
  PipelineFileException(String file, int line, String field, String detail) {
    super(format(file, line, field, detail));
  }

  private static String format(String file, int line, String field, String detail) {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(" line ").append(line);
    }
    if (field != null) {
      text.append(", field '").append(field).append('\'');
    }
    return text.append(": ").append(detail).toString();
  }
}
