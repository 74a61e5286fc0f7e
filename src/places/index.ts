/**
 * Places stage (`places.lr.v1`): toponyms recognised and resolved to gazetteer entries (the `places` layer), then
 * set on events (`place`) and actor mentions. Runs after events; reads mentions and events when present.
 */
import type { Doc } from '../doc/index.js';
import type { Stage } from '../pipeline/index.js';
import { attachPlaces } from './attach.js';
import { geoparse, placesModel, toPlaces } from './resolve.js';
import { gazetteer } from './gazetteer.js';

export { geoparse, toPlaces } from './resolve.js';
export { placeOfEvent, attachPlaces } from './attach.js';

/** Find and resolve the document's toponyms and place its events. */
export function placeDoc(doc: Doc): void {
  const places = toPlaces(geoparse(doc));
  doc.layers.places = places;
  attachPlaces(doc, places);
}

export function placesStage(): Stage {
  return {
    name: 'places.lr.v1',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['places'],
    run(doc) {
      gazetteer();
      placesModel();
      placeDoc(doc);
    },
  };
}
