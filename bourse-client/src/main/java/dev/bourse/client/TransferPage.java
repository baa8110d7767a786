package dev.bourse.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A page of transfers, newest first.
 *
 * @param number           the page number, from 0.
 * @param size             the page size.
 * @param totalPages       the number of pages.
 * @param numberOfElements the transfers on this page.
 * @param totalElements    the transfers on all pages.
 * @param previousPage     whether there is a page before.
 * @param first            whether this is the first page.
 * @param nextPage         whether there is a page after.
 * @param last             whether this is the last page.
 * @param content          the transfers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferPage(
    @JsonProperty("number") int number,
    @JsonProperty("size") int size,
    @JsonProperty("totalPages") int totalPages,
    @JsonProperty("numberOfElements") int numberOfElements,
    @JsonProperty("totalElements") long totalElements,
    @JsonProperty("previousPage") boolean previousPage,
    @JsonProperty("first") boolean first,
    @JsonProperty("nextPage") boolean nextPage,
    @JsonProperty("last") boolean last,
    @JsonProperty("content") List<Transfer> content)
{
}
