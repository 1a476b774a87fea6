package org.kaimen.comments;

import java.util.List;

public record CommentPage<T>(List<T> items, int page, int size, long total) {
}
