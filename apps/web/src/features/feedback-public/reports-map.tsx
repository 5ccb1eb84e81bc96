import { Loading } from '../../components/loading';
import { CommuneMap, type CommuneMapMarker, useCommuneMap } from '../feedback-map';
import type { FeedbackListItem } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';

/**
 * The reports of the current page as markers on the commune map, each linking to its report.
 * The list under it stays the full, accessible alternative (UX.md: a map always has a list).
 */
export function ReportsMap({
  items,
  highlightCode,
}: {
  items: FeedbackListItem[];
  highlightCode?: string | undefined;
}) {
  const { t } = useFeedbackT();
  const map = useCommuneMap();
  const markers: CommuneMapMarker[] = items.flatMap((item) =>
    item.lat !== null && item.lng !== null
      ? [
          {
            id: item.id,
            lon: item.lng,
            lat: item.lat,
            label: `${item.reference}: ${item.categoryName}`,
            href: `/phan-anh/${encodeURIComponent(item.reference)}`,
          },
        ]
      : [],
  );
  return (
    <section className="fb-map" data-testid="feedback-map">
      <p className="hint">{markers.length > 0 ? t('list.mapHint') : t('list.mapNone')}</p>
      {map.isPending ? (
        <Loading label={t('list.mapLoading')} />
      ) : map.isError ? (
        <p className="notice notice--warning">{t('list.mapUnavailable')}</p>
      ) : (
        <CommuneMap
          data={map.data}
          markers={markers}
          label={t('list.mapLabel')}
          {...(highlightCode ? { highlightCode } : {})}
        />
      )}
    </section>
  );
}
