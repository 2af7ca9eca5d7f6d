package org.attesta.api.common;

/**
 * Which page of a list to return.
 *
 * @param page page number, from 0, such that the page's end ({@code (page + 1) * size}) is an int
 * @param size items per page, 1 to {@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "Номер страницы не может быть отрицательным: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "Размер страницы должен быть от 1 до " + MAX_SIZE + ": " + size);
        }
        // A list never has two billion items; an offset that overflows would reach the database negative.
        // The page's end counts too: JPA providers add the size to the offset.
        if ((page + 1L) * size > Integer.MAX_VALUE) {
            throw new InvalidInputException("page", "Номер страницы слишком велик: " + page + " (при размере страницы "
                    + size + " последняя возможная — " + (Integer.MAX_VALUE / size - 1) + ")");
        }
    }

    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public int offset() {
        return page * size;
    }
}
