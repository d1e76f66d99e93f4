// Posters, photos and avatars in the size the layout needs: the service keeps WebP copies 92, 185
// and 500 pixels wide, and the browser picks one from srcset and sizes.
import type { Image } from '../api/client';

interface PictureProps {
  image: Image | null | undefined;
  alt: string;
  /** The width the picture takes on the page, as the sizes attribute says it. */
  sizes: string;
  className?: string;
  /** Shown in place of a missing picture (initials, a title). */
  fallback: string;
  eager?: boolean;
}

export function Picture({ image, alt, sizes, className = '', fallback, eager = false }: PictureProps) {
  if (!image) {
    return (
      <div className={`picture picture-missing ${className}`} {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': true })}>
        <span aria-hidden="true">{fallback}</span>
      </div>
    );
  }
  return (
    <img
      className={`picture ${className}`}
      src={image.sizes.w185}
      srcSet={`${image.sizes.w92} 92w, ${image.sizes.w185} 185w, ${image.sizes.w500} 500w`}
      sizes={sizes}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

export const initials = (text: string) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
