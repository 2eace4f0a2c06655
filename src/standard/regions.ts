/**
 * Kazakhstan's 17 oblasts and 3 cities of republican significance: the
 * regions a workbook's `Meta.region` usually names (it stays free text). Their
 * names are in the catalogues, `region.<id>`.
 */
export const REGION_IDS: readonly string[] = (
  'abai akmola aktobe almaty_oblast atyrau east_kazakhstan zhambyl zhetysu west_kazakhstan karaganda kostanay ' +
  'kyzylorda mangystau pavlodar north_kazakhstan turkistan ulytau astana almaty_city shymkent'
).split(' ');
