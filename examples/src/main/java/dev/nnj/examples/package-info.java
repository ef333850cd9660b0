/**
 * The chapter-1 network assembled through Guice ({@link dev.nnj.examples.ChapterOne}) and the
 * {@code nnj} command line ({@link dev.nnj.examples.Main}). The only module with a {@code main}
 * and an injector.
 */
package dev.nnj.examples;
