import type { Schemas } from '../api/client';

type Review = NonNullable<Schemas['Message']['review']>;

const count = new Intl.NumberFormat(undefined, { notation: 'compact' });

/** Stars out of five, for sight and for screen readers alike. */
function Stars({ rating5 }: { rating5: number }) {
  const whole = Math.round(rating5);
  return (
    <span className="stars" role="img" aria-label={`${rating5} of 5 stars`}>
      {'★'.repeat(whole)}
      {'☆'.repeat(5 - whole)}
    </span>
  );
}

// What a review or mention carried, above its text: the stars, who wrote it and how many read
// them, the link to it on the site, and whether it is an edit or a recovery.
export function ReviewCard({ review }: { review: Review }) {
  const { author } = review;
  return (
    <p className="review-head muted">
      {review.rating5 != null && <Stars rating5={review.rating5} />}{' '}
      {author && (
        <>
          {author.url ? (
            <a href={author.url} rel="noreferrer">
              {author.name || author.handle}
            </a>
          ) : (
            author.name || author.handle
          )}
          {author.name && <> ({author.handle})</>}
        </>
      )}
      {review.reach != null && review.reach > 0 && <> · reach {count.format(review.reach)}</>}
      {review.sourceName && <> · {review.sourceName}</>}
      {review.url && (
        <>
          {' '}
          ·{' '}
          <a href={review.url} rel="noreferrer">
            view on the site
          </a>
        </>
      )}
      {review.edit && (
        <span className="badge note">
          Edited{review.edit.ratingBefore != null && <> from {review.edit.ratingBefore}★</>}
        </span>
      )}
      {review.recovered && (
        <span className="badge">
          Recovered {review.recovered.from}★ → {review.recovered.to}★
        </span>
      )}
    </p>
  );
}
