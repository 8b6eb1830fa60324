package io.switchover;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What went wrong with a file, in words, never the path again nor "Input length = 3". */
class FileProblemTest {

    @Test
    void namesWhatTheJdkOnlyImplies() {
        assertEquals("no such file or directory", FileProblem.describe(new NoSuchFileException("/x/y")));
        assertEquals("permission denied", FileProblem.describe(new AccessDeniedException("/x/y")));
        assertEquals("not valid UTF-8", FileProblem.describe(new MalformedInputException(3)));
        assertEquals("is a directory", FileProblem.describe(new FileSystemException("/x", null, "Is a directory")));
        assertEquals("Disk quota exceeded", FileProblem.describe(new IOException("Disk quota exceeded\nmore")));
        assertEquals("IOException", FileProblem.describe(new IOException()));
    }
}
