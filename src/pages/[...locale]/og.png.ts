/** /og.png and /es/og.png: each edition's sharing card, in the appeal's state when the site is built. */
import type { APIRoute } from 'astro';
import { editionParams } from '../../lib/i18n/editions';
import { ogCard } from '../../lib/og/card';
import { renderOgImage } from '../../lib/og/og-image';

export const getStaticPaths = editionParams;

export const GET: APIRoute = async ({ locals }) => {
  const png = await renderOgImage(ogCard(locals.campaign, locals.state, locals.i18n));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
