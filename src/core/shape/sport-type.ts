export { checkSportType, editDistance, nearestSportTypes } from '../../shared/sport-type-check';
