/** /og.png and /es/og.png: each edition's sharing card, in the appeal's state when the site is built. */
import type { APIRoute } from 'astro';
import { editionParams } from '../../lib/i18n/editions';
import { ogCard } from '../../lib/og/card';
import { renderOgImage } from '../../lib/og/og-image';

export const getStaticPaths = editionParams;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(await ogCard(props.lang));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
